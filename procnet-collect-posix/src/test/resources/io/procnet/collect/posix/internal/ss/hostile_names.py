import socket, time, sys, ctypes, os
libc = ctypes.CDLL(None)
names = [b"a b", b'q"uo,te', b"p(a)r)", b'x",pid=1,fd=2)', "\u00fcn\u00ef".encode()]
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind(("127.0.0.1", 47010)); srv.listen(16)
kids = []
for i, n in enumerate(names):
    pid = os.fork()
    if pid == 0:
        libc.prctl(15, ctypes.c_char_p(n), 0, 0, 0)
        c = socket.create_connection(("127.0.0.1", 47010)); c.send(b"y" * 100)
        time.sleep(float(sys.argv[1])); os._exit(0)
    kids.append(pid)
conns = [srv.accept()[0] for _ in names]
time.sleep(float(sys.argv[1]))
