// Next.js bundles the site's stylesheets; TypeScript only needs to know the import is allowed.
declare module "*.css";
