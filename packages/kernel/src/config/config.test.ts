import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, shouldSeedDemo } from './config';

describe('configuration', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.MIGRATE_ON_START).toBe(true);
    expect(shouldSeedDemo(c)).toBe(true);
  });
  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('LOG_LEVEL');
    }
  });
  it('does not load demo data in production unless asked', () => {
    expect(shouldSeedDemo(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
    expect(shouldSeedDemo(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }))).toBe(true);
  });
  it('keeps files on local disk unless S3 is chosen, and then requires endpoint, bucket and keys', () => {
    const local = loadConfig({});
    expect(local.BLOB_STORE).toBe('local');
    expect(local.S3_FORCE_PATH_STYLE).toBe(true);
    expect(local.S3_REGION).toBe('us-east-1');
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    try {
      loadConfig({ BLOB_STORE: 's3', S3_ENDPOINT: 'not a url', S3_SECRET_ACCESS_KEY: secret });
      expect.unreachable();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('S3_ENDPOINT'); // invalid: reported once, as invalid
      expect(msg.match(/S3_ENDPOINT/g)).toHaveLength(1);
      expect(msg).toContain('S3_BUCKET: BLOB_STORE=s3 时必须设置');
      expect(msg).toContain('S3_ACCESS_KEY_ID: BLOB_STORE=s3 时必须设置');
      expect(msg).not.toContain('S3_SECRET_ACCESS_KEY');
      expect(msg).not.toContain(secret);
    }
    const s3 = loadConfig({ BLOB_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'jsga-files', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: secret, S3_FORCE_PATH_STYLE: 'false' });
    expect(s3).toMatchObject({ BLOB_STORE: 's3', S3_BUCKET: 'jsga-files', S3_FORCE_PATH_STYLE: false });
  });
  it('marks the object-storage keys as sensitive', () => {
    const sensitive = describeConfig().filter((v) => v.sensitive).map((v) => v.name);
    expect(sensitive).toEqual(expect.arrayContaining(['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']));
  });
});
