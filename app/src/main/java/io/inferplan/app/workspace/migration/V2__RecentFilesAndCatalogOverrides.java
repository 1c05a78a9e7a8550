package io.inferplan.app.workspace.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Recently imported or exported files, and the user's own accelerator prices. */
public final class V2__RecentFilesAndCatalogOverrides extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        SqlScript.run(context.getConnection(), "workspace-v2.sql");
    }
}
