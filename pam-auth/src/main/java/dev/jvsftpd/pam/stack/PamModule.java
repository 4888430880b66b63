package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import java.util.Set;

/** A module the interpreter has built in, standing in for the .so of the same name. */
interface PamModule {

    /** The functions the real module exports; calling another is PAM_MODULE_UNKNOWN, as in libpam. */
    Set<ServiceFunction> functions();

    PamCode call(ServiceFunction function, ModuleCall call);
}
