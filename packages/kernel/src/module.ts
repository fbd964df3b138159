import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppConfig } from './config/config';
import type { Db, Queryable } from './db/db';
import type { Audit } from './audit/audit';
import type { EventBus, Subscriber } from './events/events';

/** Whom facts are about: a person by 公民身份号码 or a company by 统一社会信用代码. */
export type FactSubject = { type: 'natural_person' | 'legal_person'; idNo: string };
/**
 * What a module knows about a subject, under its namespace (the hukou module's `facts.hukou.householdType`),
 * for configured eligibility rules. Read-only and cheap: it runs while a case is registered.
 */
export type FactProvider = { namespace: string; provide(q: Queryable, subject: FactSubject): Promise<Record<string, unknown> | null> };
/** Every module's facts about a subject; centres read them without depending on the modules that hold them. */
export type Facts = { collect(q: Queryable, subject: FactSubject): Promise<Record<string, Record<string, unknown> | null>> };

export type ModuleContext = {
  db: Db;
  audit: Audit;
  /** Domain events through the transactional outbox: emit inside your transaction, subscribe in `subscribers`. */
  events: EventBus;
  config: AppConfig;
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
  /** Public APIs of the modules this one lists in `dependsOn`, and only those. */
  deps: Record<string, unknown>;
  /** Facts the modules provide (`factProviders`), gathered when asked. */
  facts: Facts;
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
  /** Facts about persons or companies this module holds, offered to every module's eligibility rules. */
  factProviders?: FactProvider[];
};

export type ModuleDefinition<Api = unknown> = {
  code: string;
  dependsOn: string[];
  setup(ctx: ModuleContext): ModuleInstance<Api>;
};

export const defineModule = <Api>(def: ModuleDefinition<Api>) => def;

/** Sets modules up in dependency order, handing each only the APIs it declared; fails on unknown or cyclic dependencies. */
export function setupModules(defs: ModuleDefinition[], base: Omit<ModuleContext, 'deps' | 'facts'>): Map<string, ModuleInstance> {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const done = new Map<string, ModuleInstance>();
  // providers are looked up when asked, so a centre set up before the module that provides still sees them
  const facts: Facts = {
    async collect(q, subject) {
      const out: Record<string, Record<string, unknown> | null> = {};
      for (const m of done.values()) for (const p of m.factProviders ?? []) out[p.namespace] = await p.provide(q, subject);
      return out;
    },
  };
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
    done.set(def.code, def.setup({ ...base, deps, facts }));
    visiting.delete(def.code);
  };
  defs.forEach(visit);
  return done;
}
