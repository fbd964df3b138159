import { randomUUID } from 'node:crypto';
import { IdSegmentBody as SegmentSchema, type IdSegmentBody, type IdSex, type IdSegmentView } from '@jsga/contracts';
import { chinaDate, commonErrors, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { IdentityApi } from '../../../centres/identity';
import { hukouErrors } from '../hukou.errors';
import { allocateIdNumber, checkNewSegment, formatSegmentRange, type IdSegment } from '../registry/id-number.rules';
import { registryRepo, type SegmentRow } from '../registry/registry.repo';
import { stationNameLookup } from '../registry/station-names';

export type IdSegmentServiceDeps = { db: Db; audit: Audit; identity: Pick<IdentityApi, 'findOrg'>; now?: () => Date };

const toRule = (s: SegmentRow): IdSegment => ({ addressCode: s.addressCode, stationKey: s.stationOrgId, from: s.seqFrom, to: s.seqTo });

/** 号段管理 and 公民身份号码 allocation inside a station's 号段. */
export const createIdSegmentService = (deps: IdSegmentServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const scopeOf = (ctx: RequestCtx) => {
    if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
    return ctx.user.scope;
  };

  async function views(q: Queryable, rows: SegmentRow[]): Promise<IdSegmentView[]> {
    const used = await registryRepo.allocatedIn(q, rows);
    const stationName = stationNameLookup(deps.identity, q);
    const out: IdSegmentView[] = [];
    for (const s of rows) {
      out.push({ id: s.id, addressCode: s.addressCode, stationOrgId: s.stationOrgId, stationName: await stationName(s.stationOrgId), seqFrom: s.seqFrom, seqTo: s.seqTo, allocated: used.get(s.id) ?? 0 });
    }
    return out;
  }

  return {
    async list(ctx: RequestCtx, query: { addressCode?: string }) {
      return { items: await views(deps.db, await registryRepo.segments(deps.db, { addressCode: query.addressCode, scope: scopeOf(ctx) })) };
    },

    /** A new 号段 for a 派出所: inside 001–999 and overlapping no other segment of the address code; audited. */
    create: (ctx: RequestCtx, input: IdSegmentBody) => deps.db.transaction(async (tx) => {
      scopeOf(ctx);
      const body = SegmentSchema.parse(input);
      const station = await deps.identity.findOrg(tx, body.stationOrgId);
      if (!station || station.level !== 'station') throw hukouErrors.STATION_NOT_FOUND({ stationOrgId: body.stationOrgId }, '号段只能分配给派出所');
      const existing = await registryRepo.segments(tx, { addressCode: body.addressCode });
      const candidate: IdSegment = { addressCode: body.addressCode, stationKey: station.id, from: body.seqFrom, to: body.seqTo };
      const problem = checkNewSegment(existing.map(toRule), candidate);
      if (problem) {
        const reason = problem.code === 'overlap'
          ? `号段${formatSegmentRange(candidate)}与${(await stationNameLookup(deps.identity, tx)(problem.other.stationKey)) ?? '其他派出所'}的号段${formatSegmentRange(problem.other)}重叠`
          : problem.reason;
        throw hukouErrors.SEGMENT_INVALID({ problem: problem.code }, reason);
      }
      const row = { id: randomUUID(), addressCode: body.addressCode, stationOrgId: station.id, seqFrom: body.seqFrom, seqTo: body.seqTo, createdAt: now() };
      await registryRepo.insertSegments(tx, [row]);
      await deps.audit.recordFor(tx, ctx, { action: 'hukou.segment.create', targetType: 'hukou_id_segment', targetIds: [row.id], detail: { addressCode: row.addressCode, range: formatSegmentRange(candidate), station: station.name } });
      return (await views(tx, [row]))[0];
    }),

    /**
     * The next 公民身份号码 for a person registered at a station: the lowest free sequence of the right
     * parity in the station's 号段. The allocation row's primary key settles races between registrations
     * (on any instance): the loser sees the winner's number on its next read and takes the next one.
     */
    async allocate(tx: Queryable, input: { stationOrgId: string; addressCode: string; birthDate: string; sex: IdSex; personId: string | null }) {
      const segments = (await registryRepo.segments(tx, { stationOrgId: input.stationOrgId, addressCode: input.addressCode })).map(toRule);
      for (let attempt = 0; attempt < 50; attempt++) {
        const used = await registryRepo.usedSequences(tx, input.addressCode, input.birthDate);
        const r = allocateIdNumber({ ...input, stationKey: input.stationOrgId, segments, used, today: chinaDate(now()) });
        if (!r.ok) throw hukouErrors.ID_ALLOCATION_FAILED({ reason: r.code }, `无法分配公民身份号码：${r.reason}`);
        if (await registryRepo.claimSequence(tx, { addressCode: input.addressCode, birthDate: input.birthDate, seq: r.sequence, idNo: r.idNumber, personId: input.personId, allocatedAt: now() })) {
          return r.idNumber;
        }
      }
      throw hukouErrors.ID_ALLOCATION_FAILED({ reason: 'contention' }, '无法分配公民身份号码：同时登记的人数过多，请重试');
    },
  };
};
export type IdSegmentService = ReturnType<typeof createIdSegmentService>;
