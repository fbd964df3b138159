export * from './dictionaries';
export * from './registry';
