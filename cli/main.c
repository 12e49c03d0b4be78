/* placeholder replaced by the CLI work in this same change */
#include <stdio.h>
int main(void) { return 1; }
