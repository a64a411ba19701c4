"""FrontDesk: offline service-desk application for malls and expressway service centres."""

__version__ = "0.1.0"
