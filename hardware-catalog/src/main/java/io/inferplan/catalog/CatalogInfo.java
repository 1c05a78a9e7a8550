package io.inferplan.catalog;

/** Where the catalog keeps what the user adds. */
public final class CatalogInfo {
    private CatalogInfo() {
    }
}
