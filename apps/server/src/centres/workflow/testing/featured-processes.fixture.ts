/** The seeded featured processes (with the forms each reads), for other centres' tests. */
export { featuredProcesses } from '../seed/featured-processes';
