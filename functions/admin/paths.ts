/** Where the admin is mounted: links and cookie paths start here. */
export const ADMIN_BASE = '/admin'
export const adminPath = (path = '') => `${ADMIN_BASE}${path}`
