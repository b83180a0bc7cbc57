"""Serving the dashboard to many visitors with Voilà: a cap on kernels, kernels that end
with their page, and a polite "busy" page.

voila.json names `ServingKernelManager` (`kernels.py`) as Voilà's kernel manager; it counts
every kernel (the preheated pool included) against a cap (`capacity.py`: from
WOONLIB_MAX_KERNELS, else from the machine's memory), ends kernels whose page never
connects, and puts `ServingVoilaHandler` (`handler.py`) in front of the page: it refuses a
request beyond the cap with 503 and the page in `busy.py`, and sets the XSRF cookie that
Voilà's own shutdown request on page close needs. What the two share about one page
request (its slot promise, the "no slot" error) is in `admission.py`, so neither imports
the other for it.
"""

from woonlib.serving.capacity import MAX_KERNELS_ENV, default_max_kernels, max_kernels_from_env

__all__ = ["MAX_KERNELS_ENV", "default_max_kernels", "max_kernels_from_env"]
