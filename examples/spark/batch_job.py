"""Run `claimdiff batch` over a day of event groups on Spark.

Each input line is one event group (the JSON Lines of `claimdiff batch`);
Spark splits the lines into partitions and pipes every partition through
one `claimdiff batch` process (`RDD.pipe`), which answers one line per
line. The answers are written as text files under OUTPUT.

    spark-submit examples/spark/batch_job.py GROUPS.jsonl OUTPUT \
        [--master local[2]] [--claimdiff /path/to/claimdiff] [--partitions N]

Local mode by default (`local[2]`); on a cluster, pass its master URL
(`spark://host:7077`, `yarn`) and make the claimdiff binary available at
the same path on every worker (or ship it with `--files` and give its bare
name). Groups should carry their text inline: a `path` source is read on
the worker, relative to the worker's current directory.
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", help="JSON Lines input, one event group a line")
    parser.add_argument("output", help="directory for the answers (must not exist)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--claimdiff", default="claimdiff", help="the claimdiff binary")
    parser.add_argument("--partitions", type=int, default=0, help="default: Spark's")
    parser.add_argument("--fail-on", default="none", help="passed to claimdiff batch")
    args = parser.parse_args()

    spark = SparkSession.builder.master(args.master).appName("claimdiff-batch").getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.groups)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        # `claimdiff batch` exits 1 (findings) or 2 (an error line) with
        # every answer written: both are normal outcomes of a partition,
        # so the exit status is not checked. A line that cannot be read
        # comes back as an `error` line, never as a lost line.
        command = [args.claimdiff, "batch", "--fail-on", args.fail_on, "-"]
        answers = lines.pipe(shlex.join(command), checkCode=False)
        answers.saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
