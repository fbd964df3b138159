export * from './org';
export * from './role';
export * from './user';
export * from './auth';
export * from './permissions';
