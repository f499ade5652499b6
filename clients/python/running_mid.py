"""Subscribes to one instrument's quotes through the tickbus TCP bridge and prints a running mid.

    python3 running_mid.py --port 7000 --instrument XSIM:AAPL [--count 100]

Prices arrive as exact decimal strings; the mid and its running average are computed with Decimal, never float.
Each line: instrument seq bid ask mid average
"""

import argparse
import sys
from decimal import Decimal

from tickbus_bridge import Bridge


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7000)
    parser.add_argument("--instrument", required=True, help="VENUE:SYMBOL, e.g. XNAS:AAPL")
    parser.add_argument("--count", type=int, default=0, help="stop after this many quotes (0: run until closed)")
    args = parser.parse_args(argv)

    address = "md.quote." + args.instrument
    total = Decimal(0)
    quotes = 0
    with Bridge(args.host, args.port) as bridge:
        bridge.register(address)
        for _, quote in bridge.messages():
            if int(quote["bidSize"]) == 0 or int(quote["askSize"]) == 0:
                continue
            bid, ask = Decimal(quote["bid"]), Decimal(quote["ask"])
            mid = (bid + ask) / 2
            quotes += 1
            total += mid
            print("%s %d %s %s %s %s" % (args.instrument, quote["seq"], bid, ask, mid, total / quotes), flush=True)
            if args.count and quotes >= args.count:
                bridge.unregister(address)
                return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
