package dev.jvsftpd.selinux.policy;

/** What the AVC record says about an inode: the superblock id ({@code dev="vda"}) and the inode number. */
public record FileId(String dev, long ino) {
}
