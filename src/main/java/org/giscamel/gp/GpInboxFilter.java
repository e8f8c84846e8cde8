package org.giscamel.gp;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.giscamel.inbox.DropGuard;

import java.io.File;

/**
 * The file filter of one job's inbox, a route-local bean of the template ({@code dropGuard}): the entries
 * {@link DropGuard} refuses go to {@code failed/} beside an error file naming the job, like the job's other
 * rejected drops.
 */
public final class GpInboxFilter implements GenericFileFilter<File> {

    private final DropGuard guard;

    public GpInboxFilter(GpInbox inbox, String job) {
        this.guard = new DropGuard(drop -> inbox.refuse(job, drop));
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        return guard.accept(file);
    }
}
