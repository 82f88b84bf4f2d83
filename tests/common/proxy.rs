//! A TCP forwarder between the app and PostgreSQL or Redis that a test can
//! cut and restore, to see how the app behaves when a backing service dies
//! mid-run and comes back.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use tokio::{
    net::{TcpSocket, TcpStream},
    task::AbortHandle,
};

pub struct TcpProxy {
    addr: SocketAddr,
    target: SocketAddr,
    tasks: Arc<Mutex<Vec<AbortHandle>>>,
}

impl TcpProxy {
    pub async fn start(target: SocketAddr) -> Self {
        let socket = TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = socket.local_addr().unwrap();
        drop(socket);
        let proxy = Self {
            addr,
            target,
            tasks: Arc::default(),
        };
        proxy.resume().await;
        proxy
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Accepts and forwards connections (again).
    pub async fn resume(&self) {
        // The previous listener closes when its aborted task is dropped;
        // yield to the runtime until that has happened.
        let mut attempts = 0;
        let listener = loop {
            let socket = TcpSocket::new_v4().unwrap();
            socket.set_reuseaddr(true).unwrap();
            match socket.bind(self.addr).and_then(|()| socket.listen(64)) {
                Ok(listener) => break listener,
                Err(err) if attempts < 10_000 => {
                    attempts += 1;
                    let _ = err;
                    tokio::task::yield_now().await;
                }
                Err(err) => panic!("cannot rebind proxy port: {err}"),
            }
        };
        let target = self.target;
        let tasks = self.tasks.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let conn = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                tasks.lock().unwrap().push(conn.abort_handle());
            }
        });
        self.tasks.lock().unwrap().push(accept.abort_handle());
    }

    /// Closes the listener and every forwarded connection: to the app the
    /// service is gone.
    pub fn cut(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }
}

impl Drop for TcpProxy {
    fn drop(&mut self) {
        self.cut();
    }
}
