export * from './errors';
export * from './match';
export * from './reference';
