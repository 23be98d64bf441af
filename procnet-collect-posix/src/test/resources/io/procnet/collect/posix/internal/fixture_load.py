import socket, time, sys, os
socks=[]
l4=socket.socket(); l4.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); l4.bind(("127.0.0.1",47001)); l4.listen(); socks.append(l4)
c4=socket.create_connection(("127.0.0.1",47001)); a4,_=l4.accept(); socks+= [c4,a4]
l6=socket.socket(socket.AF_INET6); l6.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); l6.bind(("::1",47002)); l6.listen(); socks.append(l6)
c6=socket.create_connection(("::1",47002)); a6,_=l6.accept(); socks+=[c6,a6]
lm=socket.socket(socket.AF_INET6); lm.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0); lm.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); lm.bind(("::",47003)); lm.listen(); socks.append(lm)
cm=socket.create_connection(("127.0.0.1",47003)); am,_=lm.accept(); socks+=[cm,am]
u4=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u4.bind(("127.0.0.1",47004)); socks.append(u4)
u4c=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u4c.connect(("127.0.0.1",47004)); socks.append(u4c)
u6=socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind(("::1",47005)); socks.append(u6)
c4.send(b"x"*1000); a4.recv(2000)
print(os.getpid(), flush=True)
time.sleep(float(sys.argv[1]) if len(sys.argv)>1 else 5)
