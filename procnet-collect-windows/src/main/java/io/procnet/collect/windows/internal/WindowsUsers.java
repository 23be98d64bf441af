package io.procnet.collect.windows.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.procnet.collect.windows.internal.Win32.AdvApi32;
import io.procnet.collect.windows.internal.Win32.Kernel32;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The user a process runs as, {@code DOMAIN\name} as {@code whoami} prints it, from its token's
 * SID. Each SID is looked up once: a lookup may ask a domain controller. Not thread-safe.
 */
final class WindowsUsers {
    /** {@code TOKEN_USER} with its SID: a SID has at most 68 bytes. */
    static final int TOKEN_USER_BYTES = 256;
    /** User and domain names are at most 256 characters. */
    static final int NAME_CHARS = 257;

    private final Memory tokenUser = new Memory(TOKEN_USER_BYTES);
    private final Map<String, String> bySid = new HashMap<>();

    /** The user of the process open as {@code process}, or null when its token cannot be read. */
    String userOf(long process) {
        long[] token = new long[1];
        if (!AdvApi32.OpenProcessToken(process, Win32.TOKEN_QUERY, token)) {
            return null;
        }
        try {
            int[] returned = new int[1];
            if (!AdvApi32.GetTokenInformation(token[0], Win32.TOKEN_USER, tokenUser, TOKEN_USER_BYTES, returned)) {
                return null;
            }
            long sid = WindowsStructs.decodePointer(tokenUser.getByteBuffer(0, TOKEN_USER_BYTES), 0);
            long offset = sid - Pointer.nativeValue(tokenUser);
            if (offset < 0 || offset >= TOKEN_USER_BYTES) {
                return null; // GetLengthSid would read memory outside the buffer
            }
            int length = AdvApi32.GetLengthSid(sid);
            if (length <= 0 || offset + length > TOKEN_USER_BYTES) {
                return null;
            }
            String key = HexFormat.of().formatHex(tokenUser.getByteArray(offset, length));
            if (!bySid.containsKey(key)) {
                bySid.put(key, lookUp(sid)); // a failed lookup too: it may have waited on a domain controller
            }
            return bySid.get(key);
        } finally {
            Kernel32.CloseHandle(token[0]);
        }
    }

    private static String lookUp(long sid) {
        char[] name = new char[NAME_CHARS];
        char[] domain = new char[NAME_CHARS];
        int[] nameLength = {NAME_CHARS};
        int[] domainLength = {NAME_CHARS};
        int[] use = new int[1];
        if (!AdvApi32.LookupAccountSidW(null, sid, name, nameLength, domain, domainLength, use)) {
            return null;
        }
        String user = new String(name, 0, nameLength[0]);
        return domainLength[0] == 0 ? user : new String(domain, 0, domainLength[0]) + "\\" + user;
    }
}
