export * from './common';
export * from './identity';
export * from './matter';
export * from './audit/audit';
export * from './reference/jiangsu-regions';
export * from './workflow/workflow';
export * from './form/form';
export * from './case/case';
