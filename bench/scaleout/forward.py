"""A TCP forwarder: `python -m bench.scaleout.forward HOST:PORT... --to HOST:PORT`.

The app servers' namespaces reach PostgreSQL, which listens on 127.0.0.1 only,
through the host's veth addresses; this copies bytes both ways, nothing more.
"""

import argparse
import asyncio


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except OSError:
        pass
    finally:
        writer.close()


async def forward(listens, target):
    async def handle(reader, writer):
        try:
            up_reader, up_writer = await asyncio.open_connection(*target)
        except OSError:
            writer.close()
            return
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    servers = [await asyncio.start_server(handle, host, port) for host, port in listens]
    await asyncio.gather(*(server.serve_forever() for server in servers))


def address(text: str) -> tuple[str, int]:
    host, port = text.rsplit(":", 1)
    return host, int(port)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("listen", nargs="+")
    parser.add_argument("--to", required=True)
    args = parser.parse_args()
    asyncio.run(forward([address(a) for a in args.listen], address(args.to)))
