package io.inferplan.app.workspace.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Scenarios as JSON documents, and the app's settings. */
public final class V1__CreateWorkspace extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        SqlScript.run(context.getConnection(), "workspace-v1.sql");
    }
}
