import type { ModuleInstance } from './module';

type Log = { error: (obj: object, msg: string) => void };

/**
 * Runs the modules' background jobs on timers. A run never overlaps its previous run; stopping waits
 * for runs in flight, so a graceful shutdown does not cut a job in half.
 */
export function startJobs(modules: Iterable<Pick<ModuleInstance, 'jobs'>>, log: Log): { stop: () => Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  for (const m of modules) {
    for (const job of m.jobs ?? []) {
      let running = false;
      const tick = () => {
        if (running || stopping) return;
        running = true;
        const p = job.run()
          .catch((err) => log.error({ err, job: job.name }, '后台任务失败'))
          .finally(() => { running = false; inFlight.delete(p); });
        inFlight.add(p);
      };
      timers.push(setInterval(tick, job.everyMs).unref());
    }
  }
  return {
    async stop() {
      stopping = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...inFlight]);
    },
  };
}
