package io.inferplan.report.cli;

import io.inferplan.cli.PluggedCommand;

/** Plugs `report` into the command line (a service: the command line cannot depend on this module). */
public final class ReportCommandProvider implements PluggedCommand {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public Object command() {
        return new ReportCommand();
    }
}
