"""Pages behind a personal token (a registration's management page, a news link): never
indexed by a search engine, never kept by a shared cache."""


def private_response(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
