"""After-sales: returns and exchanges, repair work orders, their papers and policy."""
