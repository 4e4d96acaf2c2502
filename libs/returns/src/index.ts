export { ReturnsModule, returnsMigrations, type ReturnsModuleOptions } from './returns.module';
