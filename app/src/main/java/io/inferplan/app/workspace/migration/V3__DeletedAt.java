package io.inferplan.app.workspace.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** When each scenario was deleted: deletions are kept for a while instead of purged at the next start. */
public final class V3__DeletedAt extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        SqlScript.run(context.getConnection(), "workspace-v3.sql");
    }
}
