import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppConfig } from './config/config';
import type { Db } from './db/db';
import type { Audit } from './audit/audit';
import type { EventBus, Subscriber } from './events/events';

export type ModuleContext = {
  db: Db;
  audit: Audit;
  /** Domain events through the transactional outbox: emit inside your transaction, subscribe in `subscribers`. */
  events: EventBus;
  config: AppConfig;
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
  /** Public APIs of the modules this one lists in `dependsOn`, and only those. */
  deps: Record<string, unknown>;
};

export type ModuleInstance<Api = unknown> = {
  api?: Api;
  routes?: Array<{ prefix: string; plugin: FastifyPluginAsyncZod | FastifyPluginAsync }>;
  /** Background work run on every instance; each run must be safe alongside other instances (SKIP LOCKED). */
  jobs?: Array<{ name: string; everyMs: number; run: () => Promise<unknown> }>;
  /** Reactions to other modules' events, delivered after their transaction commits, once per subscriber. */
  subscribers?: Subscriber[];
  /** Dictionaries and reference data, upserted on every start. */
  seedReference?: () => Promise<void>;
  /** Demo data for `npm start` and tests; idempotent. */
  seedDemo?: (opts: { password: string }) => Promise<void>;
};

export type ModuleDefinition<Api = unknown> = {
  code: string;
  dependsOn: string[];
  setup(ctx: ModuleContext): ModuleInstance<Api>;
};

export const defineModule = <Api>(def: ModuleDefinition<Api>) => def;

/** Sets modules up in dependency order, handing each only the APIs it declared; fails on unknown or cyclic dependencies. */
export function setupModules(defs: ModuleDefinition[], base: Omit<ModuleContext, 'deps'>): Map<string, ModuleInstance> {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const done = new Map<string, ModuleInstance>();
  const visiting = new Set<string>();
  const visit = (def: ModuleDefinition) => {
    if (done.has(def.code)) return;
    if (visiting.has(def.code)) throw new Error(`module dependency cycle at ${def.code}`);
    visiting.add(def.code);
    for (const dep of def.dependsOn) {
      const d = byCode.get(dep);
      if (!d) throw new Error(`module ${def.code} depends on unknown module ${dep}`);
      visit(d);
    }
    const deps = Object.fromEntries(def.dependsOn.map((c) => [c, done.get(c)!.api]));
    done.set(def.code, def.setup({ ...base, deps }));
    visiting.delete(def.code);
  };
  defs.forEach(visit);
  return done;
}
