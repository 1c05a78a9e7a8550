package io.inferplan.app.workspace.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A checksum beside every scenario document, so that silent damage inside one is noticed at start. */
public final class V4__DocumentChecksums extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        SqlScript.run(context.getConnection(), "workspace-v4.sql");
    }
}
