/**
 * The catalog page: every accelerator with its sources, the user's own prices and entries over the bundled ones
 * ({@link io.inferplan.app.catalog.CatalogViewModel}), and the table and dialogs that show and ask for them.
 */
package io.inferplan.app.catalog;
