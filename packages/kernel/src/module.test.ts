import { describe, expect, it } from 'vitest';
import { defineModule, setupModules, type ModuleContext } from './module';

const base = {} as Omit<ModuleContext, 'deps' | 'facts'>;

describe('module registry', () => {
  it('sets up dependencies first and hands a module only the APIs it declared', () => {
    const seen: Record<string, string[]> = {};
    const a = defineModule({ code: 'a', dependsOn: [], setup: () => ({ api: 'A' }) });
    const b = defineModule({ code: 'b', dependsOn: [], setup: () => ({ api: 'B' }) });
    const c = defineModule({ code: 'c', dependsOn: ['a'], setup: (ctx) => { seen.c = Object.keys(ctx.deps); return {}; } });
    const modules = setupModules([c, b, a], base);
    expect([...modules.keys()]).toEqual(['a', 'c', 'b']);
    expect(seen.c).toEqual(['a']);
  });
  it('refuses unknown and cyclic dependencies at boot', () => {
    expect(() => setupModules([defineModule({ code: 'x', dependsOn: ['y'], setup: () => ({}) })], base)).toThrow(/unknown module y/);
    const p = defineModule({ code: 'p', dependsOn: ['q'], setup: () => ({}) });
    const q = defineModule({ code: 'q', dependsOn: ['p'], setup: () => ({}) });
    expect(() => setupModules([p, q], base)).toThrow(/cycle/);
  });
  it('gathers facts from every module that provides them, whatever the set-up order and the dependencies', async () => {
    let asked: ModuleContext['facts'] | undefined;
    // the asking module is set up first and depends on nothing
    const centre = defineModule({ code: 'centre', dependsOn: [], setup: (ctx) => { asked = ctx.facts; return {}; } });
    const registry = defineModule({ code: 'registry', dependsOn: [], setup: () => ({
      factProviders: [{ namespace: 'registry', provide: async (_q, s) => (s.idNo === '1' ? { registered: true } : null) }],
    }) });
    setupModules([centre, registry], base);
    expect(await asked!.collect({} as never, { type: 'natural_person', idNo: '1' })).toEqual({ registry: { registered: true } });
    expect(await asked!.collect({} as never, { type: 'natural_person', idNo: '2' })).toEqual({ registry: null });
  });
});
