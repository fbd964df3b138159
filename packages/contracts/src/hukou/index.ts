export * from './dictionaries';
