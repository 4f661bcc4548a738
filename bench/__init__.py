"""The portal's benchmark: `make bench` (bench/run.py), and PDF rendering (reports_bench.py)."""

# The benchmark's own database, never the development one.
BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/roma_wg_bench"
