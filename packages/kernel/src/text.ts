/** Escapes LIKE/ILIKE wildcards so a user's keyword matches literally (PostgreSQL's default escape is `\`). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The calendar date in China (UTC+8, no DST) of an instant, as 'YYYY-MM-DD'. */
export const chinaDate = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
