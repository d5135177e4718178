"""One structured log line per request and per background task.

A request is logged by its route ("registrations/<str:token>/"), never its path: paths
hold management tokens and search words, which have no place in a log. The client
address is the one forum_site.core.client_address trusts.
"""

import logging
import time

from .core.client_address import client_ip

request_logger = logging.getLogger("forum_site.request")
task_logger = logging.getLogger("forum_site.task")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        request_logger.info(
            "request",
            extra={
                "method": request.method,
                "route": match.route if match else None,
                "view": match.view_name if match else None,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "client": client_ip(request),
            },
        )
        return response


def task_finished_logged(sender, task_result, **kwargs) -> None:
    """django-tasks' task_finished signal: the task, how it ended, how long it took."""
    started, finished = task_result.started_at, task_result.finished_at
    task_logger.info(
        "task",
        extra={
            "task": task_result.task.name,
            "status": str(task_result.status),
            "duration_ms": round((finished - started).total_seconds() * 1000, 1) if started and finished else None,
            "worker": task_result.worker_ids[-1] if task_result.worker_ids else None,
        },
    )
