package dev.jvsftpd.pam.libpam;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * Our binding to libpam.so.0: only the calls vsftpd makes. Loaded by its soname because the
 * unversioned libpam.so comes only with the -dev package.
 */
public interface LibPam extends Library {
    String SONAME = "libpam.so.0";

    int PAM_USER = 2;
    int PAM_TTY = 3;
    int PAM_RHOST = 4;
    int PAM_RUSER = 8;
    int PAM_FAIL_DELAY = 10;

    int PAM_ESTABLISH_CRED = 0x0002;
    int PAM_DELETE_CRED = 0x0004;

    /** int (*conv)(int num_msg, const struct pam_message **msg, struct pam_response **resp, void *appdata) */
    interface ConvFunction extends Callback {
        int invoke(int numMsg, Pointer msg, Pointer resp, Pointer appdata);
    }

    /** void (*delay_fn)(int retval, unsigned usec_delay, void *appdata_ptr) */
    interface DelayFunction extends Callback {
        void invoke(int retval, int usecDelay, Pointer appdata);
    }

    /** struct pam_conv */
    @Structure.FieldOrder({"conv", "appdata_ptr"})
    class PamConv extends Structure {
        public ConvFunction conv;
        public Pointer appdata_ptr;

        public PamConv(ConvFunction conv) {
            this.conv = conv;
            write();
        }
    }

    int pam_start(String service, String user, PamConv conv, PointerByReference pamh);

    /** Linux-PAM 1.4 and later only; an older libpam throws UnsatisfiedLinkError on the call. */
    int pam_start_confdir(String service, String user, PamConv conv, String confdir, PointerByReference pamh);

    int pam_end(Pointer pamh, int status);

    int pam_set_item(Pointer pamh, int itemType, String item);

    int pam_set_item(Pointer pamh, int itemType, DelayFunction item);

    int pam_get_item(Pointer pamh, int itemType, PointerByReference item);

    int pam_authenticate(Pointer pamh, int flags);

    int pam_acct_mgmt(Pointer pamh, int flags);

    int pam_setcred(Pointer pamh, int flags);

    int pam_open_session(Pointer pamh, int flags);

    int pam_close_session(Pointer pamh, int flags);

    /** The libc allocator libpam frees conversation replies with. */
    interface LibC extends Library {
        Pointer calloc(long count, long size);

        Pointer strdup(byte[] text);

        void free(Pointer p);
    }

    static LibPam load() {
        return Native.load(SONAME, LibPam.class);
    }

    static LibC libc() {
        return Native.load("c", LibC.class);
    }
}
