/** Today's date in China (UTC+8, no DST), as form rules compare dates. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
