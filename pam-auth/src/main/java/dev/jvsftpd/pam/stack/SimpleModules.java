package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import java.util.EnumSet;
import java.util.Set;

/** pam_permit and pam_deny. */
final class SimpleModules {
    private SimpleModules() {
    }

    static final Set<ServiceFunction> ALL = EnumSet.allOf(ServiceFunction.class);

    /** Always yes. In auth an empty user name becomes "nobody", as the real module sets it. */
    static final PamModule PERMIT = new PamModule() {
        @Override
        public Set<ServiceFunction> functions() {
            return ALL;
        }

        @Override
        public PamCode call(ServiceFunction function, ModuleCall call) {
            if (function == ServiceFunction.AUTHENTICATE && call.tx().user().isEmpty()) {
                call.tx().user("nobody");
            }
            return PamCode.SUCCESS;
        }
    };

    /** Always no, with the failure code each function is expected to give. */
    static final PamModule DENY = new PamModule() {
        @Override
        public Set<ServiceFunction> functions() {
            return ALL;
        }

        @Override
        public PamCode call(ServiceFunction function, ModuleCall call) {
            switch (function) {
                case SETCRED:
                    return PamCode.CRED_ERR;
                case OPEN_SESSION:
                case CLOSE_SESSION:
                    return PamCode.SESSION_ERR;
                default:
                    return PamCode.AUTH_ERR;
            }
        }
    };
}
