/*
 * Dumps real IP Helper tables and the other structures the Windows collector decodes, for the
 * decoders' golden fixtures; run under Wine by record-fixtures.sh. It opens its own sockets on
 * fixed ports outside the Linux ephemeral range (32768-60999) first, so the tables hold rows the
 * tests know:
 *   TCP 127.0.0.1:61001 listening, and a connection to it from 127.0.0.1:61002;
 *   TCP [::1]:61003 listening;  UDP 127.0.0.1:61004 and [::1]:61005.
 * It also checks the offsets the decoders use and exits 1 when one differs.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -o iphlpapi_dump.exe iphlpapi_dump.c -liphlpapi -lws2_32 -lntdll
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <tlhelp32.h>
#include <winternl.h>
#include <stddef.h>
#include <stdio.h>

static int failures = 0;

#define CHECK(type, field, expected) do { \
    if (offsetof(type, field) != (expected)) { \
        fprintf(stderr, "offsetof(%s, %s) is %u, not %u\n", #type, #field, (unsigned) offsetof(type, field), (unsigned) (expected)); \
        failures++; \
    } } while (0)
#define SIZE(type, expected) do { \
    if (sizeof(type) != (expected)) { \
        fprintf(stderr, "sizeof(%s) is %u, not %u\n", #type, (unsigned) sizeof(type), (unsigned) (expected)); \
        failures++; \
    } } while (0)

static void check_layouts(void) {
    SIZE(MIB_TCPROW_OWNER_PID, 24);
    CHECK(MIB_TCPROW_OWNER_PID, dwState, 0); CHECK(MIB_TCPROW_OWNER_PID, dwLocalAddr, 4);
    CHECK(MIB_TCPROW_OWNER_PID, dwLocalPort, 8); CHECK(MIB_TCPROW_OWNER_PID, dwRemoteAddr, 12);
    CHECK(MIB_TCPROW_OWNER_PID, dwRemotePort, 16); CHECK(MIB_TCPROW_OWNER_PID, dwOwningPid, 20);
    SIZE(MIB_TCP6ROW_OWNER_PID, 56);
    CHECK(MIB_TCP6ROW_OWNER_PID, ucLocalAddr, 0); CHECK(MIB_TCP6ROW_OWNER_PID, dwLocalScopeId, 16);
    CHECK(MIB_TCP6ROW_OWNER_PID, dwLocalPort, 20); CHECK(MIB_TCP6ROW_OWNER_PID, ucRemoteAddr, 24);
    CHECK(MIB_TCP6ROW_OWNER_PID, dwRemoteScopeId, 40); CHECK(MIB_TCP6ROW_OWNER_PID, dwRemotePort, 44);
    CHECK(MIB_TCP6ROW_OWNER_PID, dwState, 48); CHECK(MIB_TCP6ROW_OWNER_PID, dwOwningPid, 52);
    SIZE(MIB_UDPROW_OWNER_PID, 12);
    CHECK(MIB_UDPROW_OWNER_PID, dwLocalAddr, 0); CHECK(MIB_UDPROW_OWNER_PID, dwLocalPort, 4);
    CHECK(MIB_UDPROW_OWNER_PID, dwOwningPid, 8);
    SIZE(MIB_UDP6ROW_OWNER_PID, 28);
    CHECK(MIB_UDP6ROW_OWNER_PID, ucLocalAddr, 0); CHECK(MIB_UDP6ROW_OWNER_PID, dwLocalScopeId, 16);
    CHECK(MIB_UDP6ROW_OWNER_PID, dwLocalPort, 20); CHECK(MIB_UDP6ROW_OWNER_PID, dwOwningPid, 24);
    CHECK(MIB_TCPTABLE_OWNER_PID, table, 4);
    SIZE(PROCESSENTRY32W, 568);
    CHECK(PROCESSENTRY32W, th32ProcessID, 8); CHECK(PROCESSENTRY32W, th32ParentProcessID, 32);
    CHECK(PROCESSENTRY32W, szExeFile, 44);
    SIZE(ENUM_SERVICE_STATUS_PROCESSW, 56);
    CHECK(ENUM_SERVICE_STATUS_PROCESSW, lpServiceName, 0); CHECK(ENUM_SERVICE_STATUS_PROCESSW, lpDisplayName, 8);
    CHECK(ENUM_SERVICE_STATUS_PROCESSW, ServiceStatusProcess, 16);
    CHECK(SERVICE_STATUS_PROCESS, dwCurrentState, 4); CHECK(SERVICE_STATUS_PROCESS, dwProcessId, 28);
    CHECK(UNICODE_STRING, Length, 0); CHECK(UNICODE_STRING, Buffer, 8);
    CHECK(PEB, ProcessParameters, 0x20); CHECK(RTL_USER_PROCESS_PARAMETERS, CommandLine, 0x70);
    CHECK(PROCESS_BASIC_INFORMATION, PebBaseAddress, 8);
}

static void write_file(const char *name, const void *header, size_t header_length, const void *data, size_t length) {
    FILE *out = fopen(name, "wb");
    if (out == NULL) {
        fprintf(stderr, "cannot write %s\n", name);
        exit(2);
    }
    if (header_length > 0) {
        fwrite(header, 1, header_length, out);
    }
    fwrite(data, 1, length, out);
    fclose(out);
}

static SOCKET bound(int family, int type, const char *address, int port) {
    struct addrinfo hints = {0}, *info;
    char service[16];
    hints.ai_family = family;
    hints.ai_socktype = type;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    snprintf(service, sizeof service, "%d", port);
    if (getaddrinfo(address, service, &hints, &info) != 0) {
        fprintf(stderr, "getaddrinfo %s failed\n", address);
        exit(2);
    }
    SOCKET s = socket(family, type, 0);
    if (bind(s, info->ai_addr, (int) info->ai_addrlen) != 0) {
        fprintf(stderr, "bind %s:%d failed: %d\n", address, port, WSAGetLastError());
        exit(2);
    }
    freeaddrinfo(info);
    return s;
}

static void dump_table(const char *name, BOOL tcp, ULONG family) {
    DWORD size = 0;
    void *buffer = NULL;
    DWORD status;
    for (int attempt = 0; attempt < 8; attempt++) {
        status = tcp ? GetExtendedTcpTable(buffer, &size, TRUE, family, TCP_TABLE_OWNER_PID_ALL, 0)
                     : GetExtendedUdpTable(buffer, &size, TRUE, family, UDP_TABLE_OWNER_PID, 0);
        if (status != ERROR_INSUFFICIENT_BUFFER) {
            break;
        }
        free(buffer);
        buffer = malloc(size);
    }
    if (status != NO_ERROR) {
        fprintf(stderr, "%s: error %lu\n", name, status);
        exit(2);
    }
    write_file(name, NULL, 0, buffer, size);
    free(buffer);
}

int main(void) {
    check_layouts();
    if (failures > 0) {
        return 1;
    }
    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
    SOCKET listener = bound(AF_INET, SOCK_STREAM, "127.0.0.1", 61001);
    listen(listener, 8);
    SOCKET client = bound(AF_INET, SOCK_STREAM, "127.0.0.1", 61002);
    struct sockaddr_in server = {0};
    server.sin_family = AF_INET;
    server.sin_port = htons(61001);
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(client, (struct sockaddr *) &server, sizeof server) != 0) {
        fprintf(stderr, "connect failed: %d\n", WSAGetLastError());
        return 2;
    }
    SOCKET accepted = accept(listener, NULL, NULL);
    SOCKET listener6 = bound(AF_INET6, SOCK_STREAM, "::1", 61003);
    listen(listener6, 8);
    SOCKET udp4 = bound(AF_INET, SOCK_DGRAM, "127.0.0.1", 61004);
    SOCKET udp6 = bound(AF_INET6, SOCK_DGRAM, "::1", 61005);

    dump_table("tcp4-owner-pid-wine.bin", TRUE, AF_INET);
    dump_table("tcp6-owner-pid-wine.bin", TRUE, AF_INET6);
    dump_table("udp4-owner-pid-wine.bin", FALSE, AF_INET);
    dump_table("udp6-owner-pid-wine.bin", FALSE, AF_INET6);

    /* our own PROCESSENTRY32W */
    HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    PROCESSENTRY32W entry;
    entry.dwSize = sizeof entry;
    for (BOOL more = Process32FirstW(snapshot, &entry); more; more = Process32NextW(snapshot, &entry)) {
        if (entry.th32ProcessID == GetCurrentProcessId()) {
            write_file("process-entry-self-wine.bin", NULL, 0, &entry, sizeof entry);
        }
    }
    CloseHandle(snapshot);

    /* running services: 8 bytes of the buffer's address, 4 of the count, then the buffer */
    SC_HANDLE manager = OpenSCManagerW(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE);
    DWORD size = 64 * 1024, needed = 0, returned = 0, resume = 0;
    BYTE *services = NULL;
    BOOL enumerated = FALSE;
    for (int attempt = 0; attempt < 8 && !enumerated; attempt++) {
        free(services);
        size = needed > size ? needed : size;
        services = calloc(1, size);
        resume = 0;
        enumerated = EnumServicesStatusExW(manager, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_ACTIVE, services,
                size, &needed, &returned, &resume, NULL);
        if (!enumerated && GetLastError() != ERROR_MORE_DATA) {
            fprintf(stderr, "EnumServicesStatusExW failed: %lu\n", GetLastError());
            return 2;
        }
    }
    unsigned char header[12];
    unsigned long long base = (unsigned long long) (ULONG_PTR) services;
    memcpy(header, &base, 8);
    memcpy(header + 8, &returned, 4);
    write_file("services-wine.bin", header, sizeof header, services, size);
    CloseServiceHandle(manager);

    /* our command line as NtQueryInformationProcess(ProcessCommandLineInformation) gives it (Windows 8.1
       and later; Wine 8 answers STATUS_INVALID_INFO_CLASS): 8 bytes of the buffer's address, then the buffer */
    BYTE commandLine[4096];
    ULONG length = 0;
    NTSTATUS status = NtQueryInformationProcess(GetCurrentProcess(), (PROCESSINFOCLASS) 60, commandLine, sizeof commandLine, &length);
    if (status == 0) {
        base = (unsigned long long) (ULONG_PTR) commandLine;
        write_file("command-line-self-windows.bin", &base, 8, commandLine, length);
    }
    /* the other way, which Wine has too: the PEB, its process parameters, and their CommandLine */
    PROCESS_BASIC_INFORMATION basic;
    if (NtQueryInformationProcess(GetCurrentProcess(), ProcessBasicInformation, &basic, sizeof basic, &length) != 0) {
        fprintf(stderr, "NtQueryInformationProcess(ProcessBasicInformation) failed\n");
        return 2;
    }
    write_file("process-basic-information-self-wine.bin", NULL, 0, &basic, sizeof basic);
    BYTE peb[0x28], parameters[0x80];
    SIZE_T read = 0;
    ReadProcessMemory(GetCurrentProcess(), basic.PebBaseAddress, peb, sizeof peb, &read);
    write_file("peb-self-wine.bin", NULL, 0, peb, sizeof peb);
    void *parametersAddress = *(void **) (peb + 0x20);
    ReadProcessMemory(GetCurrentProcess(), parametersAddress, parameters, sizeof parameters, &read);
    write_file("process-parameters-self-wine.bin", NULL, 0, parameters, sizeof parameters);
    UNICODE_STRING *line = (UNICODE_STRING *) (parameters + 0x70);
    WCHAR text[4096];
    ReadProcessMemory(GetCurrentProcess(), line->Buffer, text, line->Length, &read);
    write_file("command-line-text-self-wine.bin", NULL, 0, text, line->Length);

    FILE *meta = fopen("fixtures-wine.txt", "w");
    fprintf(meta, "pid=%lu\n", GetCurrentProcessId());
    fclose(meta);
    closesocket(accepted); closesocket(client); closesocket(listener); closesocket(listener6);
    closesocket(udp4); closesocket(udp6);
    WSACleanup();
    return 0;
}
