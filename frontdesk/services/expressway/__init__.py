"""Expressway desk: help calls from the road (求助) and outbound notices (公告)."""
