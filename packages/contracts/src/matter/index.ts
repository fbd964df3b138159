export * from './matter-config';
export * from './matter-admin';
export * from './matter-public';
export * from './well-known';
