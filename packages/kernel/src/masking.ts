/** Masks for sensitive fields shown in lists and logs. */
export const maskPhone = (v: string | null | undefined) => (v ? (v.length >= 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '****') : null);
export const maskIdNo = (v: string | null | undefined) => (v ? (v.length >= 10 ? `${v.slice(0, 6)}********${v.slice(-4)}` : '****') : null);
export const maskName = (v: string | null | undefined) => (v ? `${v.slice(0, 1)}${'*'.repeat(Math.max(1, v.length - 1))}` : null);
