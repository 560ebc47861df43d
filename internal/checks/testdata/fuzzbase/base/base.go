// Package base imports every package that the fuzzed programs may use,
// so that loading it loads them all.
package base

import (
	_ "context"
	_ "database/sql"
	_ "errors"
	_ "log"
	_ "net/http"
	_ "os"
	_ "path/filepath"
	_ "strings"
	_ "sync"
	_ "time"

	_ "github.com/aws/aws-lambda-go/events"
	_ "github.com/aws/aws-lambda-go/lambda"
	_ "github.com/aws/aws-lambda-go/lambdacontext"
)
