import { afterEach, describe, expect, it, vi } from 'vitest';
import { startJobs } from './jobs';

afterEach(() => vi.useRealTimers());

describe('background jobs', () => {
  it('never overlaps a slow run with the next tick, and stop waits for the run in flight', async () => {
    vi.useFakeTimers();
    let running = 0, maxRunning = 0, runs = 0;
    let release!: () => void;
    const job = { name: 'slow', everyMs: 10, run: () => { runs++; running++; maxRunning = Math.max(maxRunning, running); return new Promise<void>((r) => { release = () => { running--; r(); }; }); } };
    const jobs = startJobs([{ jobs: [job] }], { error: () => {} });
    await vi.advanceTimersByTimeAsync(55);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = jobs.stop().then(() => { stopped = true; });
    await vi.advanceTimersByTimeAsync(1);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    expect(maxRunning).toBe(1);
  });

  it('logs a failing job and keeps running it', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const jobs = startJobs([{ jobs: [{ name: 'bad', everyMs: 10, run: async () => { runs++; throw new Error('boom'); } }] }], { error: (o) => errors.push(o) });
    await vi.advanceTimersByTimeAsync(35);
    await jobs.stop();
    expect(runs).toBe(3);
    expect(errors).toHaveLength(3);
  });
});
