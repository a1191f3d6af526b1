import Benchmark
let benchmarks = { }
