"""doit's pool of worker processes, made to end whatever its workers do.

doit's multiprocess runner waits for each worker's result without a limit: a worker killed
while it builds (the out-of-memory killer, a crash in a library) never answers, and the
build would wait forever, holding the build lock. It also leaves its workers running when
deciding what to run raises, and those keep the build from exiting. Here each worker signs
what it sends, so the build knows which task each one runs; a worker found dead fails that
task with one line, a new worker takes its place, and the other tasks go on.
"""

from __future__ import annotations

import os
import queue
import signal
from collections.abc import Callable

import doit.cmd_run
from doit.exceptions import DependencyError, TaskFailed
from doit.runner import MRunner

# How often the build looks for dead workers while no result comes.
POLL_SECONDS = 0.5


def supervise_workers(source_of: Callable[[str], str]) -> None:
    """Have `doit` run tasks in parallel through SupervisedRunner; `source_of` names the
    file a failed task's line names, from the task's name."""
    SupervisedRunner.source_of = staticmethod(source_of)
    doit.cmd_run.MRunner = SupervisedRunner


class SupervisedRunner(MRunner):
    source_of: Callable[[str], str] = staticmethod(str)

    def select_task(self, node, tasks_dict):
        """doit's choice, but a check that raises (a file that cannot be read, say) fails
        that task in one line instead of ending the build with a traceback."""
        try:
            return super().select_task(node, tasks_dict)
        except Exception as error:  # told in one line, as a task failure
            self._handle_task_error(node, DependencyError(
                f"{self.source_of(node.task.name)}: cannot tell whether {node.task.name} is up "
                f"to date ({error})"))
            return False

    def execute_task_subprocess(self, job_q, result_q, reporter_class):
        """In a worker: doit's loop, each message it sends signed with the worker's id."""
        super().execute_task_subprocess(Announcing(job_q, result_q), Signed(result_q),
                                        reporter_class)

    def run_tasks(self, task_dispatcher):
        """doit's MRunner.run_tasks, waiting for results a little at a time and looking for
        dead workers in between; on any error every worker is stopped."""
        results, jobs = self.Queue(), self.Queue()
        self._run_tasks_init(task_dispatcher)
        workers: dict[int, object] = {}
        running: dict[int, str] = {}  # worker id -> the task it runs
        finishing: set[int] = set()  # workers told to end
        try:
            for _ in range(self.num_process):
                job = self.get_next_job(None)
                if job is None:
                    break  # no more workers than tasks
                jobs.put(job)
                self.start_worker(jobs, results, workers)
            ending = len(workers)  # workers yet to be told to end
            while ending:
                try:
                    result = results.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    for worker_id, task_name in dead(workers, finishing, running):
                        self.start_worker(jobs, results, workers)
                        if task_name is not None:
                            node = task_dispatcher.nodes[task_name]
                            self.process_task_result(node, TaskFailed(
                                f"{self.source_of(task_name)}: the process building {task_name} "
                                f"{how_it_ended(workers.pop(worker_id).exitcode)}; the build "
                                "went on without it"))
                            ending -= self.dispatch(node, jobs)
                        else:
                            del workers[worker_id]
                    continue
                if "exit" in result:
                    raise result["exit"](result["exception"])
                if "took" in result:  # a worker's announcement of what it takes
                    if result["took"] is None:
                        finishing.add(result["worker"])
                    else:
                        running[result["worker"]] = result["took"]
                    continue
                node = task_dispatcher.nodes[result["name"]]
                if "reporter" in result:
                    getattr(self.reporter, result["reporter"])(node.task)
                    continue
                running.pop(result["worker"], None)
                self._process_result(node, node.task, result)
                ending -= self.dispatch(node, jobs)
        except BaseException:
            for worker in workers.values():
                worker.terminate()
            raise
        for worker in workers.values():
            worker.join()
        while not results.empty():  # teardown reports, safe once every worker has ended
            result = results.get()
            if "reporter" in result:
                getattr(self.reporter, result["reporter"])(task_dispatcher.tasks[result["name"]])

    def start_worker(self, jobs, results, workers: dict) -> None:
        worker = self.Child(target=self.execute_task_subprocess,
                            args=(jobs, results, self.reporter.__class__))
        worker.start()
        workers[worker.pid] = worker

    def dispatch(self, completed, jobs) -> int:
        """Give the worker freed by `completed`, and any waiting, their next jobs; return
        how many were told to end (no task left for them)."""
        free = self.free_proc + 1
        self.free_proc = 0
        ended = 0
        for _ in range(free):
            job = self.get_next_job(completed)
            completed = None
            ended += job is None
            jobs.put(job)
        return ended


def dead(workers: dict, finishing: set[int], running: dict[int, str]):
    """(id, task it ran or None) for each worker that ended without being told to."""
    for worker_id, worker in list(workers.items()):
        if worker_id not in finishing and not worker.is_alive():
            yield worker_id, running.pop(worker_id, None)


def how_it_ended(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        return "was killed (SIGKILL, as when memory runs out)"
    if exitcode is not None and exitcode < 0:
        return f"died of signal {signal.Signals(-exitcode).name}"
    return f"ended early (exit status {exitcode})"


class Signed:
    """A worker's result queue: each message says which worker sent it."""

    def __init__(self, results):
        self.results = results

    def put(self, message: dict) -> None:
        self.results.put({**message, "worker": os.getpid()})


class Announcing:
    """A worker's job queue: each job taken is announced, so the build knows what a worker
    was doing should it die (None: the worker was told to end)."""

    def __init__(self, jobs, results):
        self.jobs = jobs
        self.results = results

    def get(self):
        job = self.jobs.get()
        name = getattr(job, "name", "") if job is not None else None
        if name != "":  # a job to hold on carries no task
            self.results.put({"took": name, "worker": os.getpid()})
        return job
