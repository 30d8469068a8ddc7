export { PAGE_PATHS } from './lib/portal-addresses';
export { PortalModule } from './lib/portal.module';
export { type PageRequest, PortalPages } from './lib/portal-pages';
