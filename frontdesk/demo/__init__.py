"""Demo data for every module: a bulk writer beside the services, run by ``demo-data`` and the screenshots."""
